// Calls the types must reject: each error is expected, and an unused expectation fails tsc.
import { createTexterClient } from "@texterchat/api-client";

const texter = createTexterClient({ baseUrl: "http://127.0.0.1:1", token: "t" });
// @ts-expect-error -- no such path
await texter.GET("/chats/serach");
// @ts-expect-error -- the chatId path parameter is missing
await texter.POST("/chats/{chatId}/resolve", { body: { notifyClient: true } });
// @ts-expect-error -- statuses[] takes names such as "PENDING", not "SOLVED"
await texter.GET("/chats/search", { params: { query: { "statuses[]": ["SOLVED"] } } });
