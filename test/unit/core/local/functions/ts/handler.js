"use strict";
/* eslint no-undef: "off" -- the compiled handler.js uses CommonJS exports */
// A handler written in TypeScript, compiled once (from the repository root) with
//   npx tsc --ignoreConfig --target es2022 --module commonjs --sourceMap test/unit/core/local/functions/ts/handler.ts
// into handler.js + handler.js.map beside it, both committed. A thrown error's trace must point here.
Object.defineProperty(exports, "__esModule", { value: true });
exports.handler = void 0;
const handler = async (event) => {
    if (!event.id) {
        throw new Error('an order needs an id'); // line 13, column 11: where the trace must point
    }
    return { id: event.id, total: (event.quantity ?? 1) * 5 };
};
exports.handler = handler;
//# sourceMappingURL=handler.js.map