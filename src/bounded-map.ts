/**
 * A Map that keeps at most `limit` entries: setting a key makes it the newest, and the oldest goes once the
 * limit is passed. For in-process caches that must not grow with the number of users, cards or endpoints.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    super.delete(key);
    super.set(key, value);
    if (this.size > this.limit) super.delete(this.keys().next().value as K);
    return this;
  }
}
