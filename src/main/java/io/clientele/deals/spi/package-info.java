/**
 * What other modules implement to take part in the deal pages: a section of the deal
 * card, and the route maps a sales scenario may follow.
 */
@NamedInterface("spi")
@NullMarked
package io.clientele.deals.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
