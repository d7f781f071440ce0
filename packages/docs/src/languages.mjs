// The languages of the docs' request samples: the docs build's configuration of which are
// generated, how they are highlighted, and which the tests run against the mock (and why not).
// Kept free of imports: tools/ensure-runtimes.mjs reads the Debian packages from here.

/**
 * The languages of the request samples, in the order the page shows them. Each has Redoc's `lang`
 * (syntax highlighting) and a unique `label` (the tab), and either `run` (the Debian packages the
 * samples need, installed by tools/ensure-runtimes.mjs; test/samples-run.test.ts runs every sample
 * of the language against texter-mock) or `notRun` (why the tests do not run them).
 * `codegen` names a postman-code-generators language, variant and options; the TypeScript samples
 * use our own client and are written by docs-spec.mjs.
 */
export const SAMPLE_LANGUAGES = [
  { label: "curl", lang: "curl", codegen: { language: "curl", variant: "cURL" }, run: { debianPackages: ["curl"] } },
  { label: "TypeScript", lang: "TypeScript", run: { debianPackages: [] } },
  { label: "JavaScript (fetch)", lang: "JavaScript", codegen: { language: "javascript", variant: "Fetch" }, run: { debianPackages: [] } },
  { label: "Node.js (axios)", lang: "Node.js", codegen: { language: "nodejs", variant: "Axios" }, run: { debianPackages: [] } },
  { label: "Python (requests)", lang: "Python", codegen: { language: "python", variant: "Requests" }, run: { debianPackages: ["python3", "python3-requests"] } },
  { label: "PHP (cURL)", lang: "PHP", codegen: { language: "php", variant: "cURL" }, run: { debianPackages: ["php-cli", "php-curl"] } },
  { label: "C# (HttpClient)", lang: "C#", codegen: { language: "csharp", variant: "HttpClient" }, run: { debianPackages: ["mono-mcs", "libmono-system-net-http4.0-cil"] } },
  { label: "Go (net/http)", lang: "Go", codegen: { language: "go", variant: "Native" }, run: { debianPackages: ["golang-go"] } },
  {
    label: "Java (OkHttp)",
    lang: "Java",
    codegen: { language: "java", variant: "OkHttp", options: { includeBoilerplate: true } },
    run: { debianPackages: ["default-jdk-headless", "libokhttp-java"] },
  },
  { label: "Ruby (Net::HTTP)", lang: "Ruby", codegen: { language: "ruby", variant: "Net::HTTP" }, run: { debianPackages: ["ruby"] } },
];
