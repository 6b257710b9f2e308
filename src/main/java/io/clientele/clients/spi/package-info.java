/**
 * What other modules implement to take part in the client base's pages and actions: a
 * section of the client card, a part of the recycle bin, what a lead's conversion opens.
 */
@NamedInterface("spi")
@NullMarked
package io.clientele.clients.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
