/** The URI scheme of the read-only service details documents. */
export const SERVICE_DETAILS_SCHEME = 'serverless-explorer-service';
