/** BDM worker: long strings are analysed here so the page never freezes (comlink). */
import * as Comlink from "comlink";
import { bdmApi } from "./api";

Comlink.expose(bdmApi);
