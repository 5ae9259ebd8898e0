import type { Deps } from '../deps';
import { ADDRESS_PAGE, addressPageKey } from './report-job';

/** The job's listed addresses from `from` to `to` (exclusive), reading each stored page once. */
export function addressBook(deps: Deps, id: string): (from: number, to: number) => Promise<readonly string[]> {
  const pages = new Map<number, Promise<readonly string[]>>();
  const page = (n: number) => {
    let found = pages.get(n);
    if (!found) {
      found = deps.store.getDocument<string[]>(addressPageKey(id, n)).then((list) => list ?? []);
      pages.set(n, found);
    }
    return found;
  };
  return async (from, to) => {
    const firstPage = Math.floor(from / ADDRESS_PAGE);
    const lastPage = Math.floor((to - 1) / ADDRESS_PAGE);
    const lists = await Promise.all(Array.from({ length: lastPage - firstPage + 1 }, (_, i) => page(firstPage + i)));
    const offset = from - firstPage * ADDRESS_PAGE;
    return lists.flat().slice(offset, offset + (to - from));
  };
}
