// Pure (no SDK): which deployed functions a local one may be, by the names SAM and CloudFormation give them.

/** CloudFormation's limit on a generated Lambda function name. */
const NAME_LIMIT = 64;
/** The random part CloudFormation ends a generated name with. */
const GENERATED_SUFFIX = /^[A-Za-z0-9]{12,13}$/;

/**
 * Whether a deployed name is one CloudFormation generated for this logical id: `<stack>-<LogicalId>-<suffix>`. A name
 * that reached the 64-character limit has its stack name and logical id cut short, so then a prefix of the id counts.
 */
export function isGeneratedNameOf(deployedName: string, logicalId: string, stackName?: string): boolean {
  const parts = deployedName.split('-');
  if (parts.length < 3) return false;
  const suffix = parts[parts.length - 1];
  const idPart = parts[parts.length - 2];
  const stack = parts.slice(0, -2).join('-');
  if (!GENERATED_SUFFIX.test(suffix) || !stack || !idPart) return false;
  const truncated = deployedName.length >= NAME_LIMIT;
  const idMatches = idPart === logicalId || (truncated && logicalId.startsWith(idPart));
  const stackMatches = !stackName || stack === stackName || (truncated && stackName.startsWith(stack));
  return idMatches && stackMatches;
}

/** The deployed names a local function may have: its own (FunctionName…) when it has one, else the generated ones that fit. */
export function deployedCandidates(local: { readonly deployedName?: string; readonly origin?: { readonly id: string } }, deployedNames: readonly string[], stackName?: string): string[] {
  if (local.deployedName) return [local.deployedName];
  const logicalId = local.origin?.id;
  if (!logicalId) return [];
  return deployedNames.filter((name) => isGeneratedNameOf(name, logicalId, stackName)).sort();
}

/** What is wrong with an alias name (Lambda's pattern), if anything. */
export function aliasProblem(alias: string): string | undefined {
  if (!/^[a-zA-Z0-9_-]{1,128}$/.test(alias) || /^\d+$/.test(alias)) return `"${alias}" is not a valid alias name: letters, digits, - and _ (up to 128), and not only digits (that would be a version)`;
  return undefined;
}
