// Makes sure the Debian packages the tests drive are installed: chromium (the docs browser test)
// and the language runtimes that run the docs' request samples against the mock (the `run` entries
// of packages/docs/src/languages.mjs). Whatever is missing is installed in ONE apt-get call.
// Silent when everything is there.
import { spawnSync } from "node:child_process";
import { SAMPLE_LANGUAGES } from "../packages/docs/src/languages.mjs";

const PACKAGES = [...new Set(["chromium", ...SAMPLE_LANGUAGES.flatMap((language) => language.run?.debianPackages ?? [])])];

function run(command, args) {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0 && !(command === "dpkg-query" && result.status === 1)) {
    const reason = result.error ? result.error.message : `exit code ${result.status}`;
    console.error(`${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-20).join("\n"));
    console.error(`ensure-runtimes: \`${command} ${args.join(" ")}\` failed (${reason}).`);
    process.exit(1);
  }
  return result.stdout;
}

/** The packages of `names` that dpkg does not list as installed (dpkg-query exits 1 when it knows none of some). */
function missing(names) {
  const installed = new Set(
    run("dpkg-query", ["--show", "--showformat=${Package} ${db:Status-Status}\\n", ...names])
      .split("\n")
      .filter((line) => line.endsWith(" installed"))
      .map((line) => line.split(" ")[0].split(":")[0]),
  );
  return names.filter((name) => !installed.has(name));
}

const wanted = missing(PACKAGES);
if (wanted.length > 0) {
  const install = `apt-get update && apt-get install -y ${wanted.join(" ")}`;
  if (process.getuid?.() !== 0) {
    console.error(`ensure-runtimes: ${wanted.join(", ")} missing and installing needs root: run \`sudo sh -c '${install}'\`.`);
    process.exit(1);
  }
  console.log(`ensure-runtimes: installing Debian's ${wanted.join(", ")} (${install}).`);
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", ...wanted]);
  const still = missing(wanted);
  if (still.length > 0) {
    console.error(`ensure-runtimes: apt-get ran but ${still.join(", ")} is still not installed.`);
    process.exit(1);
  }
}
