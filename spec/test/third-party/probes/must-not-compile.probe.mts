// Mistakes that the generated types must reject; ../generators.test.ts expects exactly the
// errors named in the `expect-error` comments (line and TS code), and no other.
import type { Message as HeyApiMessage } from "./hey-api/index.js";
import type { z } from "zod";
import { schemas } from "./zod/client.js";

type ZodMessage = z.infer<typeof schemas.Message>;

export const heyApiText = (message: HeyApiMessage): string => message.text; // expect-error TS2339
export const zodText = (message: ZodMessage): string => message.text; // expect-error TS2339
