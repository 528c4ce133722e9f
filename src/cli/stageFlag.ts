/** What is wrong with a --stage value, if anything: a stage is a name, as API Gateway and the Serverless Framework take it. */
export function stageFlagProblem(stage: string | undefined): string | undefined {
  if (stage === undefined || /^[A-Za-z0-9_$-]+$/.test(stage)) return undefined;
  return `--stage must be a stage name of letters, digits, "-", "_" (or "$default"), not "${stage}".`;
}
