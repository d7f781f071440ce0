// How test/samples-run.test.ts runs the samples of one language: all operations in one process
// (one compile, then one run, for TypeScript, Java and C#), each sample as the page shows it after the
// placeholder substitution the test makes. A runner keeps going after a failing sample and exits
// non-zero at the end, so that one run reports every broken sample.
import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface Sample {
  operationId: string;
  /** The sample's source with the base URL and token substituted. */
  source: string;
}

export interface Step {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

export interface Placeholders {
  baseUrl: string;
  token: string;
}

export interface Runner {
  /** Files that must exist: the runtime and libraries that tools/ensure-runtimes.mjs installs. */
  requires: string[];
  /** A language's own substitution, made before the base URL and token are (see the docs README). */
  adapt?(source: string, placeholders: Placeholders): string;
  /** Writes the samples into `dir`; returns the commands to run there, in order. */
  prepare(dir: string, samples: Sample[]): Step[];
}

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const JARS = ["/usr/share/java/okhttp.jar", "/usr/share/java/okio.jar"];

/** Writes one file per sample, named after its operation; returns the file names in order. */
function writeEach(dir: string, samples: Sample[], name: (operationId: string) => string, wrap = (source: string, _id: string) => source) {
  return samples.map(({ operationId, source }) => {
    const file = name(operationId);
    writeFileSync(join(dir, file), `${wrap(source, operationId)}\n`);
    return file;
  });
}

/** Node: every sample file `require`d in one process (fetch and axios samples are promise chains). */
function nodeRunner(): Runner {
  return {
    requires: [process.execPath],
    prepare(dir, samples) {
      symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"));
      const files = writeEach(dir, samples, (id) => `${id}.cjs`);
      const loader = "for (const file of process.argv.slice(1)) require(require('node:path').resolve(file));";
      return [{ command: process.execPath, args: ["-e", loader, ...files] }];
    },
  };
}

export const RUNNERS: Record<string, Runner> = {
  TypeScript: {
    requires: [join(repoRoot, "node_modules", ".bin", "tsc")],
    // The sample names the project and reads the token from the environment; written out as the
    // base URL and token placeholders, the common substitution then applies.
    adapt: (source, { baseUrl, token }) =>
      source.replace(
        /createTexterClient\(\{ projectId: "[^"]*", token: process\.env\.TEXTER_TOKEN! \}\)/,
        `createTexterClient({ baseUrl: ${JSON.stringify(baseUrl)}, token: ${JSON.stringify(token)} })`,
      ),
    prepare(dir, samples) {
      symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"));
      const files = writeEach(dir, samples, (id) => `${id}.mts`);
      // Types are checked by test/samples.test.ts: here tsc only strips them.
      const tsc = ["--noCheck", "--target", "ES2022", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--outDir", "out", ...files];
      const loader =
        "let failed = 0; for (const file of process.argv.slice(1)) { try { await import(new URL(file, `file://${process.cwd()}/`).href); } catch (error) { console.error(file, error); failed++; } } process.exit(failed ? 1 : 0);";
      return [
        { command: join(repoRoot, "node_modules", ".bin", "tsc"), args: tsc },
        { command: process.execPath, args: ["--input-type=module", "-e", loader, ...files.map((file) => `out/${file.replace(/\.mts$/, ".mjs")}`)] },
      ];
    },
  },
  curl: {
    requires: ["/usr/bin/curl", "/bin/bash"],
    prepare(dir, samples) {
      const files = writeEach(dir, samples, (id) => `${id}.sh`);
      return [{ command: "/bin/bash", args: ["-c", 'failed=0; for f in "$@"; do bash "$f" || failed=1; echo; done; exit $failed', "run", ...files] }];
    },
  },
  "JavaScript (fetch)": nodeRunner(),
  "Node.js (axios)": nodeRunner(),
  "Python (requests)": {
    requires: ["/usr/bin/python3", "/usr/lib/python3/dist-packages/requests/__init__.py"],
    prepare(dir, samples) {
      const files = writeEach(dir, samples, (id) => `${id}.py`);
      const loader = [
        "import runpy, sys, traceback",
        "failed = 0",
        "for f in sys.argv[1:]:",
        "  try: runpy.run_path(f)",
        "  except Exception: traceback.print_exc(); failed += 1",
        "sys.exit(1 if failed else 0)",
      ].join("\n");
      return [{ command: "/usr/bin/python3", args: ["-c", loader, ...files] }];
    },
  },
  "PHP (cURL)": {
    requires: ["/usr/bin/php"],
    prepare(dir, samples) {
      const files = writeEach(dir, samples, (id) => `${id}.php`);
      const loader =
        'if (!function_exists("curl_init")) { fwrite(STDERR, "PHP has no curl extension: install php-curl\\n"); exit(2); } $failed = 0; foreach (array_slice($argv, 1) as $f) { try { (function () use ($f) { include $f; })(); } catch (Throwable $e) { fwrite(STDERR, "$f: $e\\n"); $failed++; } } exit($failed ? 1 : 0);';
      return [{ command: "/usr/bin/php", args: ["-r", loader, ...files] }];
    },
  },
  "C# (HttpClient)": {
    requires: ["/usr/bin/mcs", "/usr/bin/mono", "/usr/lib/mono/4.5/System.Net.Http.dll"],
    prepare(dir, samples) {
      // The samples are method bodies (the generator's boilerplate is C# 9 top-level statements,
      // which Mono's compiler predates): each becomes the body of an async method.
      const usings = "using System;\nusing System.Net.Http;\nusing System.Threading.Tasks;\n";
      const files = writeEach(dir, samples, (id) => `${id}.cs`, (source, id) =>
        `${usings}static class Sample_${id} {\n  public static async Task Run() {\n${source}\n  }\n}`,
      );
      const calls = samples.map(({ operationId }) => `Sample_${operationId}.Run`).join(", ");
      writeFileSync(
        join(dir, "RunAll.cs"),
        `${usings}static class RunAll {\n  static int Main() {\n    var failed = 0;\n    foreach (var run in new Func<Task>[] { ${calls} }) {\n` +
          `      try { run().Wait(); } catch (Exception e) { Console.Error.WriteLine(e); failed++; }\n    }\n    return failed > 0 ? 1 : 0;\n  }\n}\n`,
      );
      return [
        { command: "/usr/bin/mcs", args: ["-nowarn:219", "-r:System.Net.Http.dll", "-out:samples.exe", "RunAll.cs", ...files] },
        { command: "/usr/bin/mono", args: ["samples.exe"] },
      ];
    },
  },
  "Go (net/http)": {
    requires: ["/usr/bin/go"],
    prepare(dir, samples) {
      // One package: each sample's `func main()` is renamed after its operation and one main calls them all.
      const files = writeEach(dir, samples, (id) => `${id}.go`, (source, id) => {
        if (!/^func main\(\) \{$/m.test(source)) throw new Error(`Go sample of ${id} has no func main()`);
        return source.replace(/^func main\(\) \{$/m, `func sample_${id}() {`);
      });
      writeFileSync(join(dir, "main.go"), `package main\n\nfunc main() {\n${samples.map(({ operationId }) => `  sample_${operationId}()\n`).join("")}}\n`);
      // No module, no toolchain or module download; the build cache is Go's default, kept between runs.
      return [{ command: "/usr/bin/go", args: ["run", "main.go", ...files], env: { GOTOOLCHAIN: "local", GOPROXY: "off" } }];
    },
  },
  "Java (OkHttp)": {
    requires: ["/usr/bin/javac", "/usr/bin/java", ...JARS],
    prepare(dir, samples) {
      // Each sample is a whole program, class Main: renamed after its operation, one main calls them all.
      const files = writeEach(dir, samples, (id) => `Sample_${id}.java`, (source, id) => {
        if (!source.includes("public class Main {")) throw new Error(`Java sample of ${id} has no class Main`);
        return source.replace("public class Main {", `public class Sample_${id} {`);
      });
      const calls = samples
        .map(({ operationId }) => `    try { Sample_${operationId}.main(args); } catch (Exception e) { e.printStackTrace(); failed++; }\n`)
        .join("");
      writeFileSync(join(dir, "RunAll.java"), `public class RunAll {\n  public static void main(String[] args) {\n    int failed = 0;\n${calls}    System.exit(failed > 0 ? 1 : 0);\n  }\n}\n`);
      const classpath = [".", ...JARS].join(":");
      return [
        { command: "/usr/bin/javac", args: ["-nowarn", "-cp", classpath, "-d", ".", "RunAll.java", ...files] },
        { command: "/usr/bin/java", args: ["-cp", classpath, "RunAll"] },
      ];
    },
  },
  "Ruby (Net::HTTP)": {
    requires: ["/usr/bin/ruby"],
    // The generator switches TLS on for an https URL; the mock speaks plain HTTP.
    adapt: (source) => source.replace(/^(\w+)\.use_ssl = true$/m, "$1.use_ssl = false"),
    prepare(dir, samples) {
      const files = writeEach(dir, samples, (id) => `${id}.rb`);
      const loader = 'failed = 0; ARGV.each { |f| begin; load(f, true); rescue StandardError => e; warn "#{f}: #{e.full_message}"; failed += 1; end }; exit(failed.zero? ? 0 : 1)';
      return [{ command: "/usr/bin/ruby", args: ["-e", loader, ...files] }];
    },
  },
};
