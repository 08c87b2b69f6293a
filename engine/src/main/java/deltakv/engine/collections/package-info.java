/**
 * Data structures over {@link deltakv.engine.txn.Txn}: key layouts ({@code StringKeys}, {@code ListKeys}),
 * strings with lazy expiry, lists in the {@code rmw} and {@code delta} variants, the keyspace (type,
 * DEL, DBSIZE, FLUSHALL, WATCH ranges) and the delta compactor. See docs/engine-lists.md.
 */
package deltakv.engine.collections;
