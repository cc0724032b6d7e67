/** Runs a tool's `main` with the process's arguments and exits with its code (1, with the message, if it throws). */
export function runCli(main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
