export { sendEvent } from './send-event';
export {
  dispatchInline,
  drainInline,
  startInlineCrons,
  stopInlineCrons,
  setInlineBackoffScale,
} from './inline';
