import {mount} from 'relu-lab/figure';

mount(document.querySelector('main'), {activations: 'relu,tanh', seed: 3, autoplay: true});
