/**
 * The accessibility statement's feedback channel (laki digitaalisten palvelujen tarjoamisesta
 * 306/2019): feedback from a page's user reaches the administrators.
 */
package fi.muutos.accessibility;
