/**
 * Users, the department tree, roles, record-level access scopes and personal API tokens.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package io.clientele.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
