/** One problem found in a request, in the data API's (FastAPI) `detail` item shape. */
export interface Issue {
  loc: (string | number)[];
  msg: string;
  type: string;
}
