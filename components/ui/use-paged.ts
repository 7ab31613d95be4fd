import { useState } from "react";

export interface Paged<T> {
  /** The current page, kept within the pages there are when the list shrinks. */
  page: number;
  pages: number;
  /** Index in `items` of the first item shown. */
  first: number;
  slice: T[];
  setPage: (page: number) => void;
}

/** One page of a long list (hosts, certificates, agents): the state and arithmetic every pager shares. */
export function usePaged<T>(items: readonly T[], pageSize: number): Paged<T> {
  const [wanted, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const page = Math.min(wanted, pages - 1);
  const first = page * pageSize;
  return { page, pages, first, slice: items.slice(first, first + pageSize), setPage };
}
