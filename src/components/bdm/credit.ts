/** Attribution of the CTM tables, shown next to every result that uses them (no table data here). */
export const TABLE_CREDIT = {
  "1d": "CTM values: D(5) table (Turing machines with 5 states, 500 steps) from pybdm (MIT, © 2019 Szymon Talaga), computed by Soler-Toscano, Zenil, Delahaye & Gauvrit (2014)",
  "2d": "2-D CTM values (4×4 blocks) from pybdm (MIT, © 2019 Szymon Talaga), computed by Zenil, Soler-Toscano, Delahaye & Gauvrit (2015)",
} as const;
