// web/state.js in Node (no browser needed): the URL hash parser clamps or ignores bad values
// with a notice naming the setting, never throws, and round-trips every setting exactly.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {arenaSettings, DEFAULT_ACTIVATIONS, defaultSettings, parseHash, SETTINGS, toHash} from '../../web/state.js';

test('an empty hash gives the defaults and no notice', () => {
  const {settings, notices} = parseHash('');
  assert.deepEqual(settings, defaultSettings());
  assert.deepEqual(notices, []);
  assert.deepEqual(settings.activations, [...DEFAULT_ACTIVATIONS]);
});

test('a malformed hash is clamped with notices', () => {
  const {settings, notices} =
      parseHash('#lr=abc&layers=999&activations=<img src=x onerror=alert(1)>');
  assert.equal(settings.lr, 0.01);
  assert.deepEqual(settings.layers, [16]);
  assert.deepEqual(settings.activations, [...DEFAULT_ACTIVATIONS]);
  assert.equal(notices.length, 4, notices.join(' | '));
  assert.match(notices[0], /^lr: "abc" is not a number/);
  assert.match(notices[1], /^layers: "999" units clamped to 16/);
  assert.match(notices[2], /unknown activation "<img src=x onerror=alert\(1\)>"/);
});

test('out-of-range numbers clamp to the documented bounds', () => {
  const {settings, notices} =
      parseHash('lr=1000&noise=-1&points=3&batch=2.6&layers=0,8,4,4,4,4,4,4&res=9999&speed=0');
  assert.equal(settings.lr, 10);
  assert.equal(settings.noise, 0);
  assert.equal(settings.points, 50);
  assert.equal(settings.batch, 3);
  assert.deepEqual(settings.layers, [1, 8, 4, 4, 4, 4]);
  assert.equal(settings.res, 512);
  assert.equal(settings.speed, 1);
  assert.ok(notices.length >= 8, notices.join(' | '));
});

test('unknown keys, enums and booleans are ignored with a notice', () => {
  const {settings, notices} = parseHash('dataset=mnist&discretize=maybe&foo=1&optimizer=adam');
  assert.equal(settings.dataset, 'circle');
  assert.equal(settings.discretize, false);
  assert.equal(settings.optimizer, 'adam');
  assert.equal(notices.length, 3);
});

test('activation variants: parameter kept, clamped or dropped; at most 12 panels', () => {
  const {settings, notices} = parseHash(
      'activations=leaky_relu:0.2,leaky_relu:7,elu:x,relu:1,' +
      'tanh,'.repeat(12));
  assert.deepEqual(
      settings.activations.slice(0, 4), ['leaky_relu:0.2', 'leaky_relu:1', 'elu', 'relu']);
  assert.equal(settings.activations.length, 12);
  assert.equal(notices.length, 4, notices.join(' | '));
});

test('every setting round-trips through the hash exactly', () => {
  const custom = {
    ...defaultSettings(),
    dataset: 'spiral',
    noise: 0.35,
    points: 1234,
    split: 0.7,
    seed: 2147480000,
    layers: [3, 16, 1],
    activations: ['prelu:-0.5', 'softplus:12.5', 'gelu_tanh'],
    init: 'lecun_uniform',
    bias: -1.3,
    slope: 0.125,
    preluMode: 'channel',
    preluInit: 0.1,
    eluAlpha: 2.5,
    beta: 0.3,
    optimizer: 'nesterov',
    lr: 0.00123,
    batch: 77,
    reg: 'l1',
    regRate: 0.03,
    res: 96,
    speed: 7,
    discretize: true,
    test: true,
    controls: false,
    exp: 'dying-relu',
  };
  assert.equal(Object.keys(custom).length, SETTINGS.length);
  const {settings, notices} = parseHash(`#${toHash(custom)}`);
  assert.deepEqual(notices, []);
  assert.deepEqual(settings, custom);
});

test('arenaSettings speaks the trainer settings JSON', () => {
  const {settings} =
      parseHash('activations=relu,leaky_relu:0.2,prelu,elu,softplus&reg=l2&regRate=0.5&slope=0.05');
  const a = arenaSettings(settings);
  assert.deepEqual(a.activations, [
    {activation: 'relu'},
    {activation: 'leaky_relu', params: {slope: 0.2}},
    {activation: 'prelu', params: {init: 0.25, mode: 'shared'}},
    {activation: 'elu', params: {alpha: 1}},
    {activation: 'softplus', params: {beta: 1}},
  ]);
  assert.equal(a.l1, 0);
  assert.equal(a.l2, 0.5);
  assert.equal(a.trainFraction, 0.5);
  assert.equal(a.batchSize, 10);
});
