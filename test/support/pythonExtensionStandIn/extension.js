// A stand-in for the Python extension (ms-python.python), for our integration tests only: the real one cannot be
// installed in this test host. It answers the two calls of its public `environments` API that Serverless Explorer
// makes, with the shapes @vscode/python-extension declares: the interpreter "selected" for a folder is the value of
// this stand-in's own resource-scoped setting; a virtual environment (pyvenv.cfg beside its bin/) is reported with
// `environment` set, any other interpreter as a global one (`environment: undefined`). It counts its calls, so that a
// test can tell it was asked.
/* global require, exports */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, loaded as it is by the extension host */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

exports.activate = function activate() {
  const calls = { getActiveEnvironmentPath: 0, resolveEnvironment: 0 };
  return {
    standIn: true,
    calls,
    environments: {
      getActiveEnvironmentPath(resource) {
        calls.getActiveEnvironmentPath++;
        const selected = vscode.workspace.getConfiguration('pythonExtensionStandIn', resource).get('selectedInterpreter') || '';
        return { id: selected, path: selected };
      },
      async resolveEnvironment(environment) {
        calls.resolveEnvironment++;
        const file = typeof environment === 'string' ? environment : environment.path;
        if (!file || !fs.existsSync(file)) return undefined;
        const prefix = path.dirname(path.dirname(file));
        const isVenv = fs.existsSync(path.join(prefix, 'pyvenv.cfg'));
        return {
          id: file,
          path: file,
          executable: { uri: vscode.Uri.file(file), bitness: '64-bit', sysPrefix: prefix },
          environment: isVenv ? { type: 'VirtualEnvironment', name: path.basename(prefix), folderUri: vscode.Uri.file(prefix), workspaceFolder: undefined } : undefined,
          version: undefined,
          tools: isVenv ? ['Venv'] : [],
        };
      },
    },
  };
};

exports.deactivate = function deactivate() {};
