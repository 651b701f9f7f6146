// What an editor shows on hover, asked of the TypeScript language service over a project on disk (the consumer of the
// packed package): the signature line and the documentation of the name at a place in a file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface Hover {
  /** The signature line, e.g. `(method) ConnectorsResource.execute(id: string, ...): Promise<ExecuteResponse>`. */
  display: string;
  /** The JSDoc text; empty when the editor shows none. */
  documentation: string;
  /** JSDoc tags by name (`example`, `param`, ...), each tag's text. */
  tags: Record<string, string[]>;
}

export interface ConsumerProject {
  service: ts.LanguageService;
  /** Every diagnostic `tsc -p <config>` would report (syntactic, semantic, options, global), as text. */
  diagnostics(): string[];
  /** The hover over the last identifier in `snippet`, which must occur exactly once in `file`. */
  hover(file: string, snippet: string): Hover;
  /**
   * Every export of the modules `file` imports from `packageName` (and every member of those exports that are
   * interfaces, classes or object types, declared by the package itself) that has no documentation, as
   * `entry: Export.member`.
   */
  undocumented(file: string, packageName: string): string[];
}

/** A language service over the project of `dir/tsconfigName`, as an editor opened on it would have. */
export function openConsumerProject(dir: string, tsconfigName: string): ConsumerProject {
  const configPath = join(dir, tsconfigName);
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir, undefined, configPath);
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => parsed.fileNames,
    getScriptVersion: () => '0',
    getScriptSnapshot: (file) =>
      ts.sys.fileExists(file) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(file)!) : undefined,
    getCurrentDirectory: () => dir,
    getCompilationSettings: () => parsed.options,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath!,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const configErrors = parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  const text = (parts: ts.SymbolDisplayPart[] | undefined) => ts.displayPartsToString(parts);

  return {
    service,
    diagnostics() {
      const program = service.getProgram()!;
      return configErrors.concat(
        ts.getPreEmitDiagnostics(program).map((d) => {
          const where = d.file
            ? `${d.file.fileName}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}): `
            : '';
          return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
        }),
      );
    },
    hover(file, snippet) {
      const path = join(dir, file);
      const source = readFileSync(path, 'utf8');
      const at = source.indexOf(snippet);
      if (at < 0 || source.indexOf(snippet, at + 1) >= 0)
        throw new Error(`${file}: ${JSON.stringify(snippet)} must occur exactly once`);
      const name = /[A-Za-z_$][\w$]*(?=[^\w$]*$)/.exec(snippet);
      if (!name) throw new Error(`${JSON.stringify(snippet)} has no identifier`);
      const info = service.getQuickInfoAtPosition(path, at + name.index);
      const tags: Record<string, string[]> = {};
      for (const tag of info?.tags ?? []) (tags[tag.name] ??= []).push(text(tag.text));
      return { display: text(info?.displayParts), documentation: text(info?.documentation).trim(), tags };
    },
    undocumented(file, packageName) {
      const program = service.getProgram()!;
      const checker = program.getTypeChecker();
      const source = program.getSourceFile(join(dir, file))!;
      const ownDeclaration = (d: ts.Declaration) =>
        d.getSourceFile().fileName.includes(`/node_modules/${packageName}/`);
      const documented = (symbol: ts.Symbol) =>
        ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== '';
      const hidden = (symbol: ts.Symbol) =>
        (symbol.declarations ?? []).some(
          (d) => ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected),
        ) ||
        symbol.name.startsWith('#') ||
        symbol.name === 'prototype';
      const missing: string[] = [];
      for (const statement of source.statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const entry = statement.moduleSpecifier.text;
        if (entry !== packageName && !entry.startsWith(`${packageName}/`)) continue;
        const moduleSymbol = checker.getSymbolAtLocation(statement.moduleSpecifier);
        if (!moduleSymbol) throw new Error(`${file}: ${entry} does not resolve`);
        for (const exported of checker.getExportsOfModule(moduleSymbol)) {
          const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
          if (!documented(symbol)) missing.push(`${entry}: ${exported.name}`);
          // Members of what the package declares as an object: interfaces, classes, type literals.
          const declaration = symbol.declarations?.[0];
          const objectLike =
            declaration &&
            (ts.isInterfaceDeclaration(declaration) ||
              ts.isClassDeclaration(declaration) ||
              (ts.isTypeAliasDeclaration(declaration) && ts.isTypeLiteralNode(declaration.type)));
          if (!objectLike) continue;
          const type = ts.isClassDeclaration(declaration)
            ? checker.getDeclaredTypeOfSymbol(symbol)
            : checker.getDeclaredTypeOfSymbol(symbol);
          for (const member of checker.getPropertiesOfType(type)) {
            if (hidden(member) || !(member.declarations ?? []).some(ownDeclaration)) continue;
            if (!documented(member)) missing.push(`${entry}: ${exported.name}.${member.name}`);
          }
        }
      }
      return missing;
    },
  };
}
