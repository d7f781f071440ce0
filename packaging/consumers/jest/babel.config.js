// jest's documented Babel setup for TypeScript: babel-jest picks this up by itself.
module.exports = {
  presets: [["@babel/preset-env", { targets: { node: "current" } }], "@babel/preset-typescript"],
};
