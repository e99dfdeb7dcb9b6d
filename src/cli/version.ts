import packageJson from "../../package.json" with { type: "json" };

/** The version in package.json, inlined by the bundler. */
export const version: string = packageJson.version;
