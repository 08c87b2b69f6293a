/**
 * RESP data command handlers (GET, SET, DEL, list commands, …) with Redis 7 replies and error order;
 * {@link deltakv.engine.redis.commands.DataCommands#table} is what the server dispatches to.
 */
package deltakv.engine.redis.commands;
