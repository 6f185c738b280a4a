// Demo Shop: the cart count, and the add-to-cart signal TrailRoom's merchant dashboard uses.
(function () {
  var CART_KEY = 'demo_shop_cart';
  var count = document.querySelector('[data-cart-count]');
  function read() {
    try {
      return Number(sessionStorage.getItem(CART_KEY)) || 0;
    } catch {
      return 0;
    }
  }
  function show(n) {
    if (count) count.textContent = String(n);
  }
  show(read());
  document.addEventListener('click', function (event) {
    var button =
      event.target instanceof Element ? event.target.closest('[data-add-to-cart]') : null;
    if (!button) return;
    var sku = button.getAttribute('data-add-to-cart');
    var select = document.querySelector('[data-variant]');
    if (select && select.value) sku = select.value;
    var n = read() + 1;
    try {
      sessionStorage.setItem(CART_KEY, String(n));
    } catch {
      /* private mode: the count is not kept */
    }
    show(n);
    var status = document.querySelector('[data-cart-status]');
    if (status) status.textContent = 'Added to your cart.';
    // The shop tells TrailRoom; the widget may still be loading (async script), so check first.
    if (window.TrailRoom) window.TrailRoom.track('add_to_cart', { sku: sku });
  });
  // The colour picker changes which SKU "Try it on" opens.
  var variant = document.querySelector('[data-variant]');
  if (variant)
    variant.addEventListener('change', function () {
      var tryOn = document.querySelector('[data-trailroom-sku]');
      if (tryOn) tryOn.setAttribute('data-trailroom-sku', variant.value);
      var image = document.querySelector('[data-variant-image]');
      var option = variant.options[variant.selectedIndex];
      if (image && option) image.setAttribute('src', option.getAttribute('data-image'));
    });
})();
