/**
 * The client base: clients (organisations and individuals), contact persons, legal
 * entities, segments and who may work them, custom field values, reassignment and the
 * recycle bin.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "audit :: spi" })
@NullMarked
package io.clientele.clients;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
