/**
 * What other modules implement so that the history can say more about their records:
 * whose a record is ({@link io.clientele.audit.spi.ResponsibleUsers}).
 */
@NamedInterface("spi")
@NullMarked
package io.clientele.audit.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
