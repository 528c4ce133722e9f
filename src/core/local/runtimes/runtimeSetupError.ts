/** An error the user must act on before a function can run: unsupported runtime, missing interpreter or bootstrap. */
export class RuntimeSetupError extends Error {
  override readonly name = 'RuntimeSetupError';
  constructor(
    message: string,
    /** The error type Lambda reports for it: Runtime.InvalidRuntime, Runtime.InvalidEntrypoint. */
    readonly errorType: string,
  ) {
    super(message);
  }
}
