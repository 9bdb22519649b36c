export * from "./events";
export * from "./preferences";
export * from "./quiet-hours";
export * from "./batch";
export * from "./digest-schedule";
export * from "./links";
export { isValidTimeZone, instantOfWallClock, wallClockAt } from "./time-zone";
export * from "./escape";
export * from "./batch-mail";
