export { api, apiUrl, requestInit, type ApiOptions } from './api';
export { ApiError, errorMessage, fieldErrors, toApiError } from './api-error';
export { useApiAction, type ApiAction } from './use-api-action';
export { formErrors, type FormErrors } from './form-errors';
export { downloadFile, attachmentName } from './download';
export { useApiGet, type ApiGet } from './use-api-get';
