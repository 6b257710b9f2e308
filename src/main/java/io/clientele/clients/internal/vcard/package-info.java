/**
 * Contact persons in and out of vCard files (2.1, 3.0 and 4.0 in; 4.0 out), on ez-vcard:
 * what address books export (Gmail, Outlook, Thunderbird, phones) read into plain values,
 * with what could not be mapped listed for the user.
 */
@NullMarked
package io.clientele.clients.internal.vcard;

import org.jspecify.annotations.NullMarked;
