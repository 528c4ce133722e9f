import { MotoServer } from './moto';

/**
 * For a mocha suite: one moto_server for the suite, reset before each test.
 * `const moto = useMoto();` then `moto.endpoint` inside the tests.
 */
export function useMoto(): { readonly endpoint: string; readonly server: MotoServer } {
  let server: MotoServer | undefined;
  before(async function () {
    this.timeout(30_000);
    server = await MotoServer.start();
  });
  beforeEach(async () => server!.reset());
  after(async () => server?.stop());
  return {
    get endpoint() {
      return server!.endpoint;
    },
    get server() {
      return server!;
    },
  };
}
