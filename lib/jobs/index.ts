export { sendEvent } from './send-event';
export { dispatchInline, drainInline, startInlineCrons, setInlineBackoffScale } from './inline';
