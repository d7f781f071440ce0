// Makes sure /usr/bin/chromium exists (the docs browser test drives it), installing Debian's
// chromium package with apt-get when it is missing. Silent when it is already there.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";

function run(command, args) {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) {
    const reason = result.error ? result.error.message : `exit code ${result.status}`;
    console.error(`${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-20).join("\n"));
    console.error(`ensure-chromium: \`${command} ${args.join(" ")}\` failed (${reason}).`);
    process.exit(1);
  }
}

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(`ensure-chromium: ${CHROMIUM} is missing and installing it needs root: run \`sudo apt-get install -y chromium\`.`);
    process.exit(1);
  }
  console.log(`ensure-chromium: ${CHROMIUM} missing, installing Debian's chromium package (apt-get update && apt-get install -y chromium).`);
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "chromium"]);
  if (!existsSync(CHROMIUM)) {
    console.error(`ensure-chromium: apt-get installed chromium but ${CHROMIUM} is still missing.`);
    process.exit(1);
  }
}
