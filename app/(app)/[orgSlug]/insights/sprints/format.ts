/** How the sprint reports write their figures. */
export const percent = (ratio: number | null) => (ratio === null ? "—" : `${Math.round(ratio * 100)}%`);
export const points = (value: number) => `${Math.round(value * 10) / 10}`;
export const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");
