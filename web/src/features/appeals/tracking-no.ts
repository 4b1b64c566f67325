/** 20261129-00042: a date and a five-digit number of the day. */
export const TRACKING_NO = /^\d{8}-\d{5}$/;
