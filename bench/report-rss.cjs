// Preloaded (node --require) by the status bench: prints the process's peak
// resident set size on exit, on stderr's last line, for the bench to read.
process.on("exit", () => {
  process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`);
});
