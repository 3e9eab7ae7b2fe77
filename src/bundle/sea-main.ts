import { main } from '../cli/main';

// The portable executable's entry (scripts/dist.js bundles it into the blob).
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
