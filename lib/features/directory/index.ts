/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { workosEventSchema } from "./events";
export { processWorkosDelivery } from "./process-workos-delivery";
export { recordWorkosDelivery } from "./record-delivery";
