/** A Fargate operation the user must correct or retry; the message says what is wrong and what to do, and is shown as is. */
export class FargateError extends Error {
  override readonly name: string = 'FargateError';
}
