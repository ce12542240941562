/** Attribution of the CTM tables, shown next to every result that uses them (no table data here). */
export const TABLE_CREDIT = {
  "1d": "CTM values: D(5) (Turing machines with 5 states, 500 steps), enumerated for this site; equal to 1e-9 bits to the published table of Soler-Toscano, Zenil, Delahaye & Gauvrit (2014), as distributed with pybdm (MIT, © 2019 Szymon Talaga)",
  "2d": "2-D CTM values (4×4 blocks) from pybdm (MIT, © 2019 Szymon Talaga), computed by Zenil, Soler-Toscano, Delahaye & Gauvrit (2015)",
} as const;
