/** The debug type users put in launch.json (package.json contributes it). */
export const DEBUG_TYPE = 'aws-lambda-local';
