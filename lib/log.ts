import "server-only";
import type { Logger } from "pino";
import * as log from "./log.mjs";

export type { Logger };
export type LogStream = { write(line: string): unknown };

/** JSON lines on stdout at LOG_LEVEL; see lib/log.mjs. */
export const logger: Logger = log.logger;
export const componentLogger: (component: string) => Logger = log.componentLogger;
export const setLogDestination: (stream?: LogStream) => void = log.setLogDestination;
export const requestIdFrom: (incoming: string | null | undefined) => string = log.requestIdFrom;
export const REQUEST_ID_HEADER = log.REQUEST_ID_HEADER;
