/** How far above the API's port the function URLs' own ports start (3100, 3101…): clear of start-lambda's 3001. */
export const FUNCTION_URL_PORT_OFFSET = 100;
