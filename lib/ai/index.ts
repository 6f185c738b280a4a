export { generateTryOn } from './generate-try-on';
export {
  ProviderError,
  isProviderError,
  errorFromStatus,
  type ProviderErrorCode,
} from './provider-error';
export {
  resolveProviderForMode,
  defaultModelFor,
  isProviderConfigured,
  LOCAL_MODEL,
  type ProviderChoice,
  type ProviderSettings,
} from './resolve-provider';
export {
  PROVIDERS,
  type ProviderName,
  type TryOnRequest,
  type TryOnResult,
  type ProviderAttempt,
  type ProviderAttemptChoice,
} from './types';
export {
  resolveProviderChain,
  type ProviderChainSettings,
  type PromptProviderOverride,
} from './provider-chain';
export { composeLocalTryOn, isInjectedFailureImage } from './local-provider';
export { createGeminiProvider, type GeminiConfig } from './gemini-provider';
export { createOpenAIProvider, buildOpenAIPrompt, type OpenAIConfig } from './openai-provider';
