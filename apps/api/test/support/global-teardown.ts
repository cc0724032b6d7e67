import type {} from "./global-setup";

export default async function globalTeardown(): Promise<void> {
  await globalThis.__AGORA_TEST_DB__?.stop();
}
