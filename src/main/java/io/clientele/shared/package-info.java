/**
 * What every module builds on: value types, the security chain, layout and navigation,
 * problem details, i18n and the embedded database bootstrap. Depends on no other module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {})
@NullMarked
package io.clientele.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
