package fi.muutos.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Installs {@link GroupTaskAuthorizationProvider} in the engine, and the engine's identity provider
 * and authorization manager that keep their answers in {@link IdentityCaches}.
 *
 * <p>Engine internals (docs/engine-extensions.md): custom session factories replace the engine's
 * own for the same session type (authorization manager, identity provider). {@code
 * IdentityCachesTest#aRevokeAndAGrantToANewGroupTakeEffectAtTheNextCommand} fails when an upgrade
 * changes that.
 */
@Component
class AuthorizationPlugin extends AbstractProcessEnginePlugin {

  private final IdentityCaches caches;

  AuthorizationPlugin(IdentityCaches caches) {
    this.caches = caches;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new GroupTaskAuthorizationProvider());
    configuration.setIdentityProviderSessionFactory(CachingIdentityProvider.factory(caches));
    List<SessionFactory> factories =
        configuration.getCustomSessionFactories() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(CachingAuthorizationManager.factory(caches));
    configuration.setCustomSessionFactories(factories);
  }
}
