import { z } from "zod";

// zod 4 probes `new Function("")` to decide whether to compile object parsers; under the pages'
// CSP (no eval) that probe is blocked and reported as a violation. Parse without compiling:
// validation costs microseconds either way. Schemas shared with the browser import z from here.
z.config({ jitless: true });

export { z };
